using Amazon.CDK;

namespace ContinuousImprovement.Infra;

internal static class Program
{
    private static void Main()
    {
        var app = new App();
        _ = new ContinuousImprovementStack(app, "ContinuousImprovement", StackSettings.FromContext(app.Node), new StackProps
        {
            Description = "ContinuousImprovement: image recognition that keeps improving with human review (detection, review, training, blue/green deploy).",
        });
        app.Synth();
    }
}
