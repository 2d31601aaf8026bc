namespace ScriptSupport;

/// <summary>The scripts' few options: <c>--name value</c> pairs after the script's file name.</summary>
public static class ScriptArgs
{
    public static string Get(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
