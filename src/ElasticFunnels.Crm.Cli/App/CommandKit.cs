using System.CommandLine;
using ElasticFunnels.Crm.Cli.Api;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>
/// Builds commands with help examples, and runs their actions with one mapping from failures to the
/// documented exit codes and messages (never a stack trace, never the key).
/// </summary>
internal sealed class CommandKit(CliHost host, GlobalOptions globals, ExamplesHelpAction help)
{
    public static Option<bool> YesOption() => new("--yes", "-y") { Description = "Do not ask for confirmation." };

    public Command Command(string name, string description, params string[] examples)
    {
        var command = new Command(name, description);
        help.Add(command, examples);
        return command;
    }

    /// <summary>
    /// <c>delete &lt;id&gt; [--yes]</c> for a resource with a numeric id: asks on a terminal (refuses without
    /// one unless --yes), deletes, and says what went.
    /// </summary>
    public Command Delete(string what, string consequence, Argument<long> id, string example, Func<CrmApi, long, CancellationToken, Task> delete)
    {
        var yes = YesOption();
        var command = Command("delete", $"Delete a {what}{consequence}.", example);
        command.Add(id);
        command.Add(yes);
        Action(command, async (c, ct) =>
        {
            var target = c.Get(id);
            if (!c.Confirm($"Delete {what} {target}{consequence}?", c.Get(yes)))
            {
                return Print.NotConfirmed(c);
            }

            await delete(c.Api, target, ct);
            return Print.Deleted(c, what, Print.Text(target)!);
        });
        return command;
    }

    public void Action(Command command, Func<CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, ct) => RunAsync(parse, action, ct));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        using var context = new CommandContext(parse, host, globals);
        var output = context.Output;
        try
        {
            return await action(context, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.Error("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (CrmSchemaValidationException ex)
        {
            output.Error(context.Redact("the values do not fit the entity's fields:"));
            foreach (var problem in ex.Problems)
            {
                output.Info(context.Redact($"  {problem.Key}: {problem.Message}"));
            }

            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is CliUsageException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            output.Error(context.Redact(ex.Message));
            return ExitCodes.Usage;
        }
        catch (CrmValidationException ex)
        {
            output.Error(context.Redact(ex.Message));
            foreach (var (field, messages) in ex.FieldErrors)
            {
                output.Info(context.Redact($"  {field}: {string.Join(" ", messages)}"));
            }

            return ExitCodes.ApiError;
        }
        catch (CrmException ex)
        {
            output.Error(context.Redact(ex.Message));
            return ExitCodes.ApiError;
        }
    }
}
