using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Output;

/// <summary>The two ways every command shows what it got: a table (or name/value list) or its JSON shape.</summary>
internal static class Print
{
    public static int List<T>(CommandContext context, IEnumerable<T> items, Action<Utf8JsonWriter, T> json, IReadOnlyList<string> headers, Func<T, IReadOnlyList<string?>> row)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    json(writer, item);
                }

                writer.WriteEndArray();
            });
        }
        else
        {
            context.Output.Table(headers, items.Select(row));
        }

        return ExitCodes.Ok;
    }

    public static int One<T>(CommandContext context, T item, Action<Utf8JsonWriter, T> json, Func<T, IEnumerable<(string Name, string? Value)>> details)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer => json(writer, item));
        }
        else
        {
            context.Output.Details(details(item));
        }

        return ExitCodes.Ok;
    }

    public static int Deleted(CommandContext context, string what, string id)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("deleted", what);
                writer.WriteString("id", id);
                writer.WriteEndObject();
            });
        }
        else
        {
            context.Output.Line($"Deleted {what} {id}.");
        }

        return ExitCodes.Ok;
    }

    public static int NotConfirmed(CommandContext context)
    {
        context.Output.Info("Nothing deleted.");
        return ExitCodes.Ok;
    }

    public static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Text(bool? value) => value switch { true => "yes", false => "no", null => null };

    public static string? Text(DateTimeOffset? value) => JsonModels.Timestamp(value);
}
