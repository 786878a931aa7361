using System.Text.Json.Serialization.Metadata;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Tests.Services;

/// <summary>
/// Our typed records against the botocore models in shared/aws: every member we declare exists in the model with a
/// compatible type, and every member the model requires is declared, all the way down the nested shapes.
/// </summary>
public sealed class RecordModelTests
{
    public static TheoryData<string> Operations() => TypedOperation.Names();

    [Theory]
    [MemberData(nameof(Operations))]
    public void Request_record_declares_only_model_members_and_every_required_one(string name)
    {
        var op = TypedOperation.Named(name);
        var model = ServiceModel.Parse(File.ReadAllBytes(AwsFixtures.SharedModel(op.SharedModel)));
        var shape = model.Shape(model.Operation(op.Operation).InputShape!);

        var problems = Compare(model, shape, op.Request, "request").ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Response_record_declares_only_model_members_and_every_required_one(string name)
    {
        var op = TypedOperation.Named(name);
        var model = ServiceModel.Parse(File.ReadAllBytes(AwsFixtures.SharedModel(op.SharedModel)));
        var output = model.Operation(op.Operation).OutputShape;

        if (output is null || op.Response.Type == typeof(EmptyResponse))
        {
            Assert.Equal(typeof(EmptyResponse), op.Response.Type);
            Assert.True(output is null || model.Shape(output).Members.Count == 0, $"{name} returns members but our record is empty");
            return;
        }
        var problems = Compare(model, model.Shape(output), op.Response, "response").ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_operation_the_brief_names_has_typed_records()
    {
        Assert.Equal(24, TypedOperation.All.Count);
    }

    private static IEnumerable<string> Compare(ServiceModel model, Shape shape, JsonTypeInfo info, string path)
    {
        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var required in shape.Required.Where(r => !properties.ContainsKey(r)))
        {
            yield return $"{path}: model-required member {shape.Name}.{required} is missing";
        }
        foreach (var property in info.Properties)
        {
            var member = shape.Member(property.Name);
            if (member is null)
            {
                yield return $"{path}.{property.Name}: not a member of {shape.Name}";
                continue;
            }
            foreach (var problem in CompareValue(model, model.Shape(member), info.Options.GetTypeInfo(property.PropertyType), $"{path}.{property.Name}"))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CompareValue(ServiceModel model, Shape shape, JsonTypeInfo info, string path)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        switch (shape.Type)
        {
            case ShapeType.Structure when info.Kind == JsonTypeInfoKind.Object:
                return Compare(model, shape, info, path);
            case ShapeType.List when info.Kind == JsonTypeInfoKind.Enumerable:
                return CompareValue(model, model.Shape(shape.ListMember!), info.Options.GetTypeInfo(info.ElementType!), path + "[]");
            case ShapeType.Map when info.Kind == JsonTypeInfoKind.Dictionary && info.KeyType == typeof(string):
                return CompareValue(model, model.Shape(shape.MapValue!), info.Options.GetTypeInfo(info.ElementType!), path + "{}");
            case ShapeType.String when type == typeof(string):
            case ShapeType.Blob when type == typeof(byte[]):
            case ShapeType.Timestamp when type == typeof(DateTimeOffset):
            case ShapeType.Boolean when type == typeof(bool):
            case ShapeType.Integer when type == typeof(int):
            case ShapeType.Long when type == typeof(long):
            case ShapeType.Float or ShapeType.Double when type == typeof(double):
                return [];
            default:
                return [$"{path}: {type.Name} does not fit the model's {shape.Type} {shape.Name}"];
        }
    }
}

/// <summary>Records that disagree with the model on purpose, to show the comparison finds both kinds of mismatch.</summary>
public sealed class RecordModelMismatchTests
{
    [Fact]
    public void A_member_the_model_lacks_and_a_missing_required_member_are_both_reported()
    {
        var model = ServiceModel.Parse(File.ReadAllBytes(AwsFixtures.SharedModel("rekognition.service-2.json")));
        var shape = model.Shape(model.Operation("StartProjectVersion").InputShape!);
        var info = MismatchJson.Default.WrongStartProjectVersion;

        var declared = info.Properties.Select(p => p.Name).ToHashSet();
        var unknown = declared.Where(n => shape.Member(n) is null).ToList();
        var missing = shape.Required.Where(r => !declared.Contains(r)).ToList();

        Assert.Equal(["Bogus"], unknown);
        Assert.Equal(["MinInferenceUnits"], missing);
    }
}

public sealed record WrongStartProjectVersion(string ProjectVersionArn, int Bogus);

[System.Text.Json.Serialization.JsonSerializable(typeof(WrongStartProjectVersion))]
internal sealed partial class MismatchJson : System.Text.Json.Serialization.JsonSerializerContext;
