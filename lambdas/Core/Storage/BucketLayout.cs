namespace ContinuousImprovement.Core.Storage;

/// <summary>
/// The prefixes of the one bucket the product uses. CDK, the handlers and the twin all read them from
/// here so that an event rule, a handler and a lifecycle rule can never disagree about a folder.
/// </summary>
public static class BucketLayout
{
    /// <summary>Consumers upload here; each new object starts the detection workflow.</summary>
    public const string ImagesForDetection = "images_for_detection/";

    /// <summary>Human-labeled copies, one folder per label; the training set.</summary>
    public const string LabeledImages = "images_labeled_by_folder/";

    /// <summary>Where A2I (or our review portal) writes human loop output JSON.</summary>
    public const string ReviewOutput = "review_output/";

    /// <summary>Ground Truth manifests written for each training.</summary>
    public const string Manifests = "manifests/";

    /// <summary>Markers for uploads that arrived while no model served; they are detected once one does.</summary>
    public const string Pending = "pending/";

    /// <summary>Uploads that cannot be processed (corrupt, not an image), kept with a reason, never deleted.</summary>
    public const string Quarantine = "quarantine/";
}
