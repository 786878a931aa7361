namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The notification kinds the operations-digest workflow sends.</summary>
public static class OperationsKinds
{
    /// <summary>The catalog's event kind for drift (mailed at once by default).</summary>
    public const string DriftDetected = "drift-detected";

    /// <summary>
    /// The kind the digest mail itself is published with. Not an event kind of the catalog: the digest is how the
    /// digested kinds are delivered, not an event the policy routes (routing it into the digest would be circular);
    /// an operator who wants no digest mail empties Notify-In-Digest.
    /// </summary>
    public const string Digest = "digest";
}
