namespace ElasticFunnels.Crm.Testing;

/// <summary>Whether an injected fault closes the connection without an answer, and whether the request took effect first.</summary>
internal enum DropMode
{
    /// <summary>An ordinary failure status.</summary>
    None,

    /// <summary>Dropped before the request is handled: nothing changed.</summary>
    BeforeProcessing,

    /// <summary>Dropped after the request is handled: the change happened, but the client cannot know.</summary>
    AfterProcessing,
}
