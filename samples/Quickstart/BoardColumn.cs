namespace Quickstart;

/// <summary>One column of the pipeline board: a stage and how many entries are in it.</summary>
public sealed record BoardColumn(long StageId, string StageName, int Entries);
