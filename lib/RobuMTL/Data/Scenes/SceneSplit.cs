namespace RobuMTL.Data.Scenes;

/// <summary>Which generated split; the splits draw disjoint scene indices.</summary>
public enum SceneSplit
{
    /// <summary>Scenes 0..TrainScenes-1.</summary>
    Train,

    /// <summary>Scenes from <see cref="GeneratedSceneStore.ValFirstIndex"/> on, whatever the train count.</summary>
    Val,
}
