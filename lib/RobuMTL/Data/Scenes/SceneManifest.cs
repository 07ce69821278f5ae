namespace RobuMTL.Data.Scenes;

/// <summary>The manifest.json of an exported scene folder; a folder is reused only when it matches exactly.</summary>
/// <param name="Format">Layout version; bumped when the file layout or the renderer changes.</param>
/// <param name="Config">The generator settings the scenes were drawn with.</param>
/// <param name="FirstIndex">Scene index of the first file.</param>
/// <param name="Count">Number of scenes.</param>
public sealed record SceneManifest(int Format, SceneGeneratorConfig Config, int FirstIndex, int Count)
{
    /// <summary>The current layout version.</summary>
    public const int CurrentFormat = 1;
}
