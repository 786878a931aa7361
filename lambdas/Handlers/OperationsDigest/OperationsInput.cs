namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The execution input the digest schedule sends: the deployment's bucket, named in the mails so an operator of several deployments knows which one speaks.</summary>
public sealed record OperationsInput(string Bucket);
