using System.Globalization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// A blue/green model deployment as a plain state the training workflow carries between Lambda calls (JSON via
/// <see cref="TrainingJsonContext"/>). Each call performs <see cref="PendingAction"/> and reports how it went to
/// <see cref="Next"/>:
/// <code>
/// StartNew ─ok→ WaitUntilRunning ─ok→ SwitchServing ─ok→ StopOld ─ok→ Done   (no old version: Done after the switch)
///    └fail┐           └fail┐               └fail→ RollBack ─ok→ StopNew ─ok→ Aborted   (first deploy: straight to StopNew)
///         └────────────────┴──────────────────────────────→ StopNew ─ok→ Aborted
/// </code>
/// Stopping (either version) and rolling back are retried up to <see cref="MaxRetries"/> times; when retries run out
/// the deployment still ends, with a <see cref="Warning"/> that must be notified: a version left running by
/// mistake costs money every hour, and an unconfirmed rollback needs a human to check the serving parameter.
/// <para>
/// Serving is never in doubt: <see cref="ServingVersionArn"/> is the old version until the switch succeeds and
/// the new one after, and a failed switch is always rolled back, so Aborted leaves the old version serving.
/// The serving version is never the one being stopped.
/// </para>
/// </summary>
/// <param name="OldVersionArn">The version serving before this deployment; null for the first deployment.</param>
/// <param name="NewVersionArn">The version being deployed.</param>
/// <param name="Phase">Where the deployment stands.</param>
/// <param name="Attempts">Failed attempts of the pending action so far (0 on entering a phase).</param>
/// <param name="MaxRetries">Retries allowed after a first failed stop or rollback.</param>
/// <param name="History">One line per step, oldest first, for the final notification.</param>
/// <param name="Warning">Set when the deployment ended but left something for a human to do.</param>
public sealed record BlueGreenDeployment(
    string? OldVersionArn,
    string NewVersionArn,
    BlueGreenPhase Phase,
    int Attempts,
    int MaxRetries,
    IReadOnlyList<string> History,
    string? Warning)
{
    public const int DefaultMaxRetries = 3;

    /// <summary>The version the serving parameter names, as far as this deployment knows; null only on a first deployment before its switch.</summary>
    public string? ServingVersionArn => Phase is BlueGreenPhase.StoppingOld or BlueGreenPhase.Done ? NewVersionArn : OldVersionArn;

    public BlueGreenAction PendingAction => Phase switch
    {
        BlueGreenPhase.StartingNew => BlueGreenAction.StartNew,
        BlueGreenPhase.WaitingForNew => BlueGreenAction.WaitUntilRunning,
        BlueGreenPhase.Switching => BlueGreenAction.SwitchServing,
        BlueGreenPhase.StoppingOld => BlueGreenAction.StopOld,
        BlueGreenPhase.RollingBack => BlueGreenAction.RollBack,
        BlueGreenPhase.StoppingNew => BlueGreenAction.StopNew,
        _ => BlueGreenAction.None,
    };

    public bool IsFinished => Phase is BlueGreenPhase.Done or BlueGreenPhase.Aborted;

    /// <summary>One sentence for a notification: where the deployment stands, with the version ARNs.</summary>
    public string Summary => Phase switch
    {
        BlueGreenPhase.Done when Warning is not null => $"deployed {NewVersionArn}, but {Warning}",
        BlueGreenPhase.Done => $"deployed {NewVersionArn}" + (OldVersionArn is null || OldVersionArn == NewVersionArn ? "" : $"; {OldVersionArn} stopped"),
        BlueGreenPhase.Aborted => (OldVersionArn is null ? $"deployment of {NewVersionArn} aborted; no model is serving yet" : $"deployment of {NewVersionArn} aborted; {OldVersionArn} keeps serving")
            + (Warning is null ? "" : $", but {Warning}"),
        _ => $"{Phase.Describe()} ({NewVersionArn})",
    };

    /// <summary>
    /// A deployment of <paramref name="newVersionArn"/> replacing <paramref name="oldVersionArn"/> (null: nothing
    /// serves yet). Deploying the version that already serves is finished at once: running the plan would stop it.
    /// </summary>
    /// <exception cref="ArgumentException">No new version ARN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative <paramref name="maxRetries"/>.</exception>
    public static BlueGreenDeployment Start(string? oldVersionArn, string newVersionArn, int maxRetries = DefaultMaxRetries)
    {
        ArgumentException.ThrowIfNullOrEmpty(newVersionArn);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        var old = string.IsNullOrEmpty(oldVersionArn) ? null : oldVersionArn;

        return old == newVersionArn
            ? new BlueGreenDeployment(old, newVersionArn, BlueGreenPhase.Done, 0, maxRetries, [$"{newVersionArn} is already serving; nothing to deploy"], null)
            : new BlueGreenDeployment(old, newVersionArn, BlueGreenPhase.StartingNew, 0, maxRetries, [], null);
    }

    /// <summary>
    /// The state after <see cref="PendingAction"/> ended with <paramref name="outcome"/>, and the action to perform
    /// next. A finished deployment stays as it is (action <see cref="BlueGreenAction.None"/>), so a redelivered
    /// call does no harm.
    /// </summary>
    public BlueGreenStep Next(StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (IsFinished)
        {
            return new BlueGreenStep(this, BlueGreenAction.None);
        }

        var logged = this with { History = [.. History, Log(outcome)] };
        var next = (Phase, outcome.Succeeded) switch
        {
            (BlueGreenPhase.StartingNew, true) => logged.Enter(BlueGreenPhase.WaitingForNew),
            (BlueGreenPhase.WaitingForNew, true) => logged.Enter(BlueGreenPhase.Switching),
            (BlueGreenPhase.StartingNew or BlueGreenPhase.WaitingForNew, false) => logged.Enter(BlueGreenPhase.StoppingNew),

            (BlueGreenPhase.Switching, true) => logged.Enter(OldVersionArn is null ? BlueGreenPhase.Done : BlueGreenPhase.StoppingOld),
            // With no old version there is nothing to switch back to; nothing served before, so nothing is lost.
            (BlueGreenPhase.Switching, false) => logged.Enter(OldVersionArn is null ? BlueGreenPhase.StoppingNew : BlueGreenPhase.RollingBack),

            (BlueGreenPhase.RollingBack, true) => logged.Enter(BlueGreenPhase.StoppingNew),
            // The serving parameter may still name the new version, so it must keep running.
            (BlueGreenPhase.RollingBack, false) => logged.RetryOr(BlueGreenPhase.Aborted,
                $"the rollback could not be confirmed: check that the serving parameter names {OldVersionArn}, then stop {NewVersionArn} by hand (left running in case serving still points at it)"),

            (BlueGreenPhase.StoppingOld, true) => logged.Enter(BlueGreenPhase.Done),
            (BlueGreenPhase.StoppingOld, false) => logged.RetryOr(BlueGreenPhase.Done,
                $"old version {OldVersionArn} still running: stop it by hand"),

            (BlueGreenPhase.StoppingNew, true) => logged.Enter(BlueGreenPhase.Aborted),
            (BlueGreenPhase.StoppingNew, false) => logged.RetryOr(BlueGreenPhase.Aborted,
                $"new version {NewVersionArn} still running: stop it by hand"),

            _ => throw new InvalidOperationException($"Blue/green state has an unknown phase {Phase}."),
        };

        return new BlueGreenStep(next, next.PendingAction);
    }

    private BlueGreenDeployment Enter(BlueGreenPhase phase) => this with { Phase = phase, Attempts = 0 };

    private BlueGreenDeployment RetryOr(BlueGreenPhase giveUpPhase, string warning) =>
        Attempts < MaxRetries
            ? this with { Attempts = Attempts + 1 }
            : this with { Phase = giveUpPhase, Attempts = 0, Warning = warning, History = [.. History, $"gave up after {MaxRetries + 1} attempts: {warning}"] };

    private string Log(StepOutcome outcome)
    {
        var attempt = Attempts == 0 ? "" : $" (retry {Attempts.ToString(CultureInfo.InvariantCulture)} of {MaxRetries.ToString(CultureInfo.InvariantCulture)})";
        var detail = string.IsNullOrEmpty(outcome.Detail) ? "" : $": {outcome.Detail}";
        return $"{PendingAction.Describe()}{attempt}: {(outcome.Succeeded ? "done" : "failed")}{detail}";
    }
}
