using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// The names a snippet declares at its top level (locals, local functions, types, and <c>out var</c> or
/// pattern variables that C# scopes to the enclosing block), so a test can require that the snippets of
/// one page can be pasted one after the other without a name declared twice.
/// </summary>
public static class SnippetDeclarations
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: Microsoft.CodeAnalysis.SourceCodeKind.Script);

    public static IEnumerable<string> TopLevelNames(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetCompilationUnitRoot();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var name in Declared(field.Declaration))
                    {
                        yield return name;
                    }

                    break;
                case BaseTypeDeclarationSyntax type:
                    yield return type.Identifier.Text;
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function }:
                    yield return function.Identifier.Text;
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    foreach (var name in Declared(local.Declaration))
                    {
                        yield return name;
                    }

                    break;
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax expression }:
                    foreach (var name in ExpressionVariables(expression))
                    {
                        yield return name;
                    }

                    break;
                case GlobalStatementSyntax { Statement: IfStatementSyntax conditional }:
                    foreach (var name in ExpressionVariables(conditional.Condition))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<string> Declared(VariableDeclarationSyntax declaration) =>
        declaration.Variables.Select(v => v.Identifier.Text)
            .Concat(declaration.Variables.Where(v => v.Initializer is not null).SelectMany(v => ExpressionVariables(v.Initializer!)));

    // `out var x` and `is T x` in an expression statement, a declaration's initializer or an if condition
    // belong to the enclosing block; inside lambdas and nested blocks they do not.
    private static IEnumerable<string> ExpressionVariables(Microsoft.CodeAnalysis.SyntaxNode node) =>
        node.DescendantNodes(n => n == node || n is not (AnonymousFunctionExpressionSyntax or BlockSyntax))
            .OfType<SingleVariableDesignationSyntax>()
            .Select(d => d.Identifier.Text);
}
