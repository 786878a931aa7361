namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// The portal's stand-in for A2I's crowd-html-elements.js: small custom elements for what the worker template
/// uses — <c>crowd-form</c>, <c>crowd-image-classifier</c>, <c>short-instructions</c>, <c>full-instructions</c>
/// (and <c>crowd-button</c>, <c>crowd-alert</c> for templates that add them). The form posts the answer content as
/// A2I records it, keyed by element name: <c>{"crowd-image-classifier":{"label":"dog"}}</c>. Text from the page
/// (categories, headers) is set as text, never parsed as HTML.
/// </summary>
internal static class CrowdElementsScript
{
    public const string ContentType = "text/javascript; charset=utf-8";

    public const string Source = """
        // Local crowd-html elements for the review portal (not Amazon's); see ReviewPortal in the repository.
        (() => {
          'use strict';

          const whenParsed = (run) => {
            // The script loads before the elements it upgrades, so their children may not be parsed yet.
            if (document.readyState === 'loading') {
              document.addEventListener('DOMContentLoaded', run, { once: true });
            } else {
              run();
            }
          };

          const element = (tag, className, text) => {
            const node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          };

          // categories is a JSON array of strings; AWS's own examples also write ['Cat', 'Dog'], so that form is read too.
          const parseCategories = (text) => {
            for (const candidate of [text, (text || '').replace(/'/g, '"')]) {
              try {
                const value = JSON.parse(candidate);
                if (Array.isArray(value)) return value.map(String);
              } catch (_) { /* try the next form */ }
            }
            return null;
          };

          const style = document.createElement('style');
          style.textContent = `
            crowd-form { display: block; font-family: system-ui, sans-serif; color: #1d2733; }
            crowd-image-classifier { display: block; }
            .crowd-layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
            .crowd-sidebar { flex: 0 1 22rem; background: #f3f5f8; padding: .75rem 1rem; border-radius: 6px; }
            .crowd-main { flex: 1 1 28rem; }
            .crowd-main img { width: min(100%, 36rem); max-height: 60vh; object-fit: contain; display: block; margin: .5rem 0; background: #fafbfc; }
            .crowd-main img.crowd-small { image-rendering: pixelated; }
            .crowd-categories { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
            .crowd-categories label { border: 1px solid #9fb0c2; border-radius: 4px; padding: .35rem .7rem; cursor: pointer; }
            .crowd-categories label:has(input:checked) { background: #1d5fbf; color: #fff; border-color: #1d5fbf; }
            .crowd-error { color: #a4161a; }
            .crowd-status { min-height: 1.5em; }
            .crowd-submit { margin-top: 1rem; padding: .5rem 1.5rem; font-size: 1rem; }
            crowd-alert { display: block; padding: .5rem .75rem; border-radius: 4px; background: #fff4d6; }
          `;
          document.head.append(style);

          class ShortInstructions extends HTMLElement {}

          class FullInstructions extends HTMLElement {
            connectedCallback() { whenParsed(() => this.render()); }
            render() {
              if (this.rendered) return;
              this.rendered = true;
              const details = element('details');
              details.append(element('summary', '', this.getAttribute('header') || 'View full instructions'), ...this.childNodes);
              this.append(details);
            }
          }

          class CrowdImageClassifier extends HTMLElement {
            static count = 0;
            connectedCallback() { whenParsed(() => this.render()); }

            // What the form records under this element's name: {"label": "<picked>"}.
            get value() { return this.picked === undefined ? undefined : { label: this.picked }; }

            validate() {
              if (!this.categories) return 'The task has no valid categories; it cannot be answered.';
              return this.picked === undefined ? 'Pick a label for the image.' : null;
            }

            render() {
              if (this.rendered) return;
              this.rendered = true;
              this.categories = parseCategories(this.getAttribute('categories'));
              const instructions = [...this.children].filter((c) => c.matches('short-instructions, full-instructions'));
              const sidebar = element('aside', 'crowd-sidebar');
              sidebar.append(...instructions);
              const main = element('section', 'crowd-main');
              main.append(element('h2', 'crowd-header', this.getAttribute('header') || ''));
              const image = element('img');
              image.src = this.getAttribute('src') || '';
              image.alt = 'Image to classify';
              // Small images (28×28 training samples) are scaled up; keep their pixels sharp rather than blurred.
              image.addEventListener('load', () => image.classList.toggle('crowd-small', image.naturalWidth < 256));
              main.append(image);
              if (this.categories) {
                const group = element('fieldset', 'crowd-categories');
                group.setAttribute('role', 'radiogroup');
                group.setAttribute('aria-label', 'Categories');
                const radioName = `crowd-image-classifier-choice-${CrowdImageClassifier.count++}`;
                for (const category of this.categories) {
                  const label = element('label');
                  const radio = element('input');
                  radio.type = 'radio';
                  radio.name = radioName;
                  radio.value = category;
                  radio.addEventListener('change', () => { this.picked = category; });
                  label.append(radio, document.createTextNode(' ' + category));
                  group.append(label);
                }
                main.append(group);
              } else {
                main.append(element('p', 'crowd-error', 'The categories attribute is not a JSON array of strings.'));
              }
              const layout = element('div', 'crowd-layout');
              layout.append(sidebar, main);
              this.replaceChildren(layout);
            }
          }

          class CrowdButton extends HTMLElement {
            connectedCallback() {
              if (this.getAttribute('form-action') === 'submit') this.setAttribute('role', 'button');
            }
          }

          class CrowdAlert extends HTMLElement {}

          const insideCrowdElement = (node, form) => {
            for (let parent = node.parentElement; parent && parent !== form; parent = parent.parentElement) {
              if (parent.tagName.startsWith('CROWD-')) return true;
            }
            return false;
          };

          class CrowdForm extends HTMLElement {
            connectedCallback() { whenParsed(() => this.render()); }

            render() {
              if (this.rendered) return;
              this.rendered = true;
              let button = this.querySelector('crowd-button[form-action="submit"]');
              if (!button) {
                button = element('button', 'crowd-submit', 'Submit');
                button.type = 'button';
                this.append(button);
              }
              button.addEventListener('click', (event) => { event.preventDefault(); this.submit(); });
              this.button = button;
              this.status = element('p', 'crowd-status');
              this.status.setAttribute('role', 'status');
              this.status.setAttribute('aria-live', 'polite');
              this.append(this.status);
            }

            collect() {
              const answer = {};
              const problems = [];
              for (const node of this.querySelectorAll('[name]')) {
                const name = node.getAttribute('name');
                if (node.tagName.startsWith('CROWD-')) {
                  const problem = typeof node.validate === 'function' ? node.validate() : null;
                  if (problem) problems.push(problem);
                  else if (node.value !== undefined) answer[name] = node.value;
                } else if (!insideCrowdElement(node, this) && ['INPUT', 'SELECT', 'TEXTAREA'].includes(node.tagName)) {
                  if (node.type === 'checkbox') answer[name] = { on: node.checked };
                  else if (node.type !== 'radio' || node.checked) answer[name] = node.value;
                }
              }
              return { answer, problems };
            }

            async submit() {
              if (this.sending || this.done) return;
              // A template may check the answer itself and cancel, as on A2I (crowd-form onsubmit + preventDefault).
              if (!this.dispatchEvent(new Event('submit', { cancelable: true }))) return;
              const { answer, problems } = this.collect();
              if (problems.length > 0) {
                this.show(problems.join(' '), true);
                return;
              }
              this.sending = true;
              this.button.disabled = true;
              this.show('Sending…', false);
              try {
                const response = await fetch(window.location.pathname, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  credentials: 'same-origin',
                  body: JSON.stringify({ answerContent: answer }),
                });
                const text = await response.text();
                let message = text;
                try { message = JSON.parse(text).message || text; } catch (_) { /* plain text */ }
                if (response.ok) {
                  this.done = true;
                  this.dataset.submitted = 'true';
                  this.show(message, false);
                  const back = element('a', '', 'Back to the list');
                  back.href = '/';
                  this.status.append(' ', back);
                } else {
                  this.show(message, true);
                  this.button.disabled = false;
                }
              } catch (error) {
                this.show('The portal did not answer: ' + error, true);
                this.button.disabled = false;
              } finally {
                this.sending = false;
              }
            }

            show(text, isError) {
              this.status.textContent = text;
              this.status.classList.toggle('crowd-error', isError);
            }
          }

          customElements.define('short-instructions', ShortInstructions);
          customElements.define('full-instructions', FullInstructions);
          customElements.define('crowd-image-classifier', CrowdImageClassifier);
          customElements.define('crowd-button', CrowdButton);
          customElements.define('crowd-alert', CrowdAlert);
          customElements.define('crowd-form', CrowdForm);
        })();
        """;
}
