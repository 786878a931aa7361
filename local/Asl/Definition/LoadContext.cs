using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Definition;

/// <summary>What compiling a definition needs besides the JSON: where Task resources resolve, and the problem list.</summary>
internal sealed record LoadContext(TaskRegistry Registry, List<string> Problems);
