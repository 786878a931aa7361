using ContinuousImprovement.Host.Diagnostics;
using ContinuousImprovement.Host.Runtime;
using ContinuousImprovement.Host.Wiring;

namespace ContinuousImprovement.Host;

/// <summary>
/// The one place that names every handler this bootstrap serves. A function is deployed with <c>_HANDLER</c> set to
/// one of these names: the diagnostics, and every workflow handler of the Handlers project's catalog on the AWS
/// adapters (see <see cref="WorkflowHandlers"/>). Factories run at init, only in the function that serves that name,
/// so each function builds only its own clients.
/// </summary>
public static class HandlerRegistrations
{
    public static RuntimeHandlers CreateCatalog() => CreateCatalog(Environment.GetEnvironmentVariable);

    public static RuntimeHandlers CreateCatalog(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var handlers = new RuntimeHandlers()
            .Add(DiagnosticHandlers.EchoName, DiagnosticHandlers.Echo)
            .Add(DiagnosticHandlers.FailName, DiagnosticHandlers.Fail)
            .Add(DiagnosticHandlers.WaitName, DiagnosticHandlers.Wait)
            .Add(DiagnosticHandlers.ContextName, DiagnosticHandlers.Context);
        return WorkflowHandlers.AddTo(handlers, () => AwsPorts.Create(AwsSettings.From(environment)));
    }
}
