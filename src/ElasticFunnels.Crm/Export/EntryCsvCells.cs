using System.Globalization;
using System.Text;

namespace ElasticFunnels.Crm;

/// <summary>
/// The two cell encodings of the CSV export and their exact reverses, for programs that read an export
/// back (an import, a diff): list items (<see cref="CsvCellFormat.RoundTrip"/>) and the spreadsheet
/// formula guard (<see cref="EntryExportOptions.NeutralizeFormulas"/>). For every string <c>s</c>,
/// <c>RestoreFormula(NeutralizeFormula(s)) == s</c>; for every list of items that are not all empty,
/// <c>SplitList(JoinList(items))</c> gives the same items. Reading a cell, undo the guard first, then split.
/// </summary>
public static class EntryCsvCells
{
    /// <summary>What separates two list items in a cell.</summary>
    public const string ListSeparator = "; ";

    /// <summary>The character that marks a cell as text for a spreadsheet, put in front by <see cref="NeutralizeFormula"/>.</summary>
    public const char FormulaGuard = '\'';

    private const char Escape = '\\';

    /// <summary>
    /// Writes list items into one cell: in each item a backslash becomes <c>\\</c>, a <c>;</c> becomes
    /// <c>\;</c>, and white space at the start or end of the item is preceded by a backslash; the items are
    /// then joined with <c>"; "</c>. <c>["a;b", " c", "d\e"]</c> is written <c>a\;b; \ c; d\\e</c>.
    /// </summary>
    /// <param name="items">The items; none may be null.</param>
    /// <returns>The cell text; empty for no items.</returns>
    /// <exception cref="ArgumentException">An item is null.</exception>
    public static string JoinList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var cell = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException("A list item cannot be null.", nameof(items));
            }

            if (!first)
            {
                cell.Append(ListSeparator);
            }

            first = false;
            for (var i = 0; i < item.Length; i++)
            {
                var c = item[i];
                if (c is Escape or ';' || (char.IsWhiteSpace(c) && (i == 0 || i == item.Length - 1)))
                {
                    cell.Append(Escape);
                }

                cell.Append(c);
            }
        }

        return cell.ToString();
    }

    /// <summary>
    /// Reads list items back from a cell written by <see cref="JoinList"/>, or typed by hand: the cell is
    /// split at every <c>;</c> not preceded by a backslash, white space that is not escaped is trimmed from
    /// both ends of each item, and a backslash takes the next character as it is (a backslash at the very
    /// end stays). A blank cell is no items. <c>Facebook;Google</c> and <c>Facebook; Google</c> both read
    /// as <c>["Facebook", "Google"]</c>.
    /// </summary>
    /// <param name="cell">The cell text; null reads as no items.</param>
    /// <returns>The items.</returns>
    public static IReadOnlyList<string> SplitList(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var items = new List<string>();
        var item = new StringBuilder();

        // Everything up to this length of the item is kept even if it is white space: it was escaped.
        var kept = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == Escape && i + 1 < cell.Length)
            {
                item.Append(cell[++i]);
                kept = item.Length;
            }
            else if (c == ';')
            {
                items.Add(Trim(item, kept));
                item.Clear();
                kept = 0;
            }
            else
            {
                if (!char.IsWhiteSpace(c))
                {
                    kept = item.Length + 1;
                }
                else if (item.Length == 0)
                {
                    // Leading white space that was not escaped: dropped.
                    continue;
                }

                item.Append(c);
            }
        }

        items.Add(Trim(item, kept));
        return items;
    }

    /// <summary>
    /// Makes a cell safe to open in a spreadsheet: when the text, after any leading <c>'</c>, starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, and is not a plain number
    /// (<c>-5</c>, <c>+1.5</c>, <c>-2e3</c>), a <c>'</c> is put in front, which spreadsheets read as "this
    /// is text". Guarding texts that already start with <c>'</c> before such a character is what makes
    /// <see cref="RestoreFormula"/> exact: <c>=A1</c> → <c>'=A1</c>, <c>'=A1</c> → <c>''=A1</c>,
    /// <c>-5</c> and <c>'tis</c> unchanged.
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The text, guarded when needed.</returns>
    public static string NeutralizeFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return StartsLikeFormula(cell, 0) && !IsNumber(cell) ? FormulaGuard + cell : cell;
    }

    /// <summary>
    /// Undoes <see cref="NeutralizeFormula"/>: removes the first <c>'</c> of a cell that, after all its
    /// leading <c>'</c>, starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return.
    /// Any other cell is returned as it is, so a cell typed by hand as <c>'tis</c> keeps its apostrophe.
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The text as it was before it was guarded.</returns>
    public static string RestoreFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && cell[0] == FormulaGuard && StartsLikeFormula(cell, 1) ? cell[1..] : cell;
    }

    private static bool StartsLikeFormula(string cell, int from)
    {
        var i = from;
        while (i < cell.Length && cell[i] == FormulaGuard)
        {
            i++;
        }

        return i < cell.Length && cell[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    /// <summary>A number a spreadsheet reads as a number, such as <c>-5</c> or <c>+1.5e3</c>: harmless, so left alone.</summary>
    private static bool IsNumber(string cell) =>
        cell.Length > 1
        && cell[0] is '+' or '-'
        && (char.IsAsciiDigit(cell[1]) || cell[1] == '.')
        && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number);

    private static string Trim(StringBuilder item, int kept) => item.ToString(0, kept);
}
