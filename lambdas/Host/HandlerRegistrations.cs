using ContinuousImprovement.Host.Diagnostics;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host;

/// <summary>
/// The one place that names every handler this bootstrap serves. A function is deployed with
/// <c>_HANDLER</c> set to one of these names. Workflow handlers are added here as
/// <c>.Add("detect", () =&gt; new DetectHandler(…).HandleAsync)</c>: the factory runs at init, only in the
/// function that serves that name, so each function builds only its own clients.
/// </summary>
public static class HandlerRegistrations
{
    public static HandlerCatalog CreateCatalog() =>
        new HandlerCatalog()
            .Add(DiagnosticHandlers.EchoName, DiagnosticHandlers.Echo)
            .Add(DiagnosticHandlers.FailName, DiagnosticHandlers.Fail)
            .Add(DiagnosticHandlers.WaitName, DiagnosticHandlers.Wait)
            .Add(DiagnosticHandlers.ContextName, DiagnosticHandlers.Context);
}
