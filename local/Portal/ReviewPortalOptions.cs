using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal;

/// <summary>What a <see cref="ReviewPortal"/> serves and where it writes answers.</summary>
public sealed record ReviewPortalOptions
{
    /// <summary>The twin's human loops: the portal lists the open ones and completes them.</summary>
    public required LocalHumanReview Reviews { get; init; }

    /// <summary>The bucket store: images are read from it and output documents written to it.</summary>
    public required IObjectStore Objects { get; init; }

    /// <summary>The product's bucket; only its objects are served, and outputs go under its <c>review_output/</c>.</summary>
    public required string Bucket { get; init; }

    /// <summary>
    /// The flow definition's name, the folder under <c>review_output/</c> A2I writes to (1 to 63 lowercase
    /// letters, digits and inner hyphens, as A2I names it).
    /// </summary>
    public required string FlowDefinitionName { get; init; }

    /// <summary>
    /// The <c>flowDefinitionArn</c> written into outputs; null writes a placeholder ARN in a "local" region with
    /// account 000000000000, since the twin has no flow definition.
    /// </summary>
    public string? FlowDefinitionArn { get; init; }

    /// <summary>The worker task template; null means <c>assets/a2i/worker-template.liquid.html</c> of the repository.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>The clock for submission times, output keys and image link expiry.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The port on 127.0.0.1; 0 lets the system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>The access token; null makes a random 128-bit one. At least 16 characters of A–Z, a–z, 0–9, '-', '_'.</summary>
    public string? Token { get; init; }

    /// <summary>The <c>workerId</c> written into answers.</summary>
    public string WorkerId { get; init; } = "local-reviewer";

    /// <summary>Where the portal reports what it cannot tell a reviewer (an output that failed to write); null is silent.</summary>
    public Action<string>? Log { get; init; }
}
