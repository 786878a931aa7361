using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IParameterStore"/> on SSM Parameter Store: GetParametersByPath (non-recursive, every page),
/// GetParameter, and PutParameter as a String parameter (operator settings are not secrets): <c>Overwrite = true</c>, or
/// <c>false</c> for a write over version 0, SSM's one conditional write.
/// </summary>
public sealed class SsmParameterStore(IAmazonSimpleSystemsManagement ssm) : IParameterStore
{
    public Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return PortFailures.Guard($"read parameters under {path}", async () =>
        {
            var found = new List<StoredParameter>();
            string? next = null;
            do
            {
                var page = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = path, Recursive = false, NextToken = next }, cancellationToken).ConfigureAwait(false);
                found.AddRange((page.Parameters ?? []).Select(p => new StoredParameter(p.Name, p.Value, p.Version ?? 0)));
                next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            }
            while (next is not null);

            IReadOnlyList<StoredParameter> result = found;
            return result;
        }, cancellationToken);
    }

    public Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return PortFailures.Guard($"read parameter {name}", async () =>
        {
            try
            {
                var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
                return new StoredParameter(response.Parameter.Name, response.Parameter.Value, response.Parameter.Version ?? 0);
            }
            catch (ParameterNotFoundException)
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task<long> PutAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return PortFailures.Guard($"write parameter {name}", () => PutParameterAsync(name, value, overwrite: true, cancellationToken), cancellationToken);
    }

    public Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        // Overwrite = false is SSM's only conditional write: a create that ParameterAlreadyExists refuses (Port.Conflict).
        return PortFailures.Guard($"write parameter {name} over version {expectedVersion}", async () =>
            new ParameterWrite(expectedVersion, await PutParameterAsync(name, value, overwrite: expectedVersion > 0, cancellationToken).ConfigureAwait(false)), cancellationToken);
    }

    private async Task<long> PutParameterAsync(string name, string value, bool overwrite, CancellationToken cancellationToken)
    {
        // Intelligent-Tiering keeps an Advanced parameter Advanced (the system parameter can outgrow Standard's
        // 4 KB) and lets a small one stay Standard, whatever the account's default tier is.
        var request = new PutParameterRequest { Name = name, Value = value, Overwrite = overwrite, Type = ParameterType.String, Tier = ParameterTier.IntelligentTiering };
        var response = await ssm.PutParameterAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Version ?? 0;
    }
}
