namespace CrmCli;

/// <summary>What happened to one CSV row.</summary>
public enum ImportRowStatus
{
    Created,
    Updated,
    Failed,
}
