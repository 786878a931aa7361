using Amazon.CDK;

namespace ContinuousImprovement.Infra;

internal static class Program
{
    private static int Main()
    {
        var app = new App();
        StackSettings settings;
        try
        {
            settings = StackSettings.FromContext(app.Node);
        }
        catch (ArgumentException e)
        {
            // A deploy-time choice is wrong or missing: say which, without a stack trace.
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        _ = new ContinuousImprovementStack(app, "ContinuousImprovement", settings, new StackProps
        {
            Description = "ContinuousImprovement: image recognition that keeps improving with human review (detection, review, training, blue/green deploy, audit sampling).",
        });
        app.Synth();
        return 0;
    }
}
