namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>A real (4×3 pixel) PNG, so a browser can decode what the portal serves.</summary>
internal static class TestImages
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==");
}
