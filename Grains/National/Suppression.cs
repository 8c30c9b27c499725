namespace OurSociety.Federation.National;

/// <summary>
/// Small-number suppression, in one place for every way the national view is published. A count from 1 to
/// threshold − 1 is suppressed (primary). Then, so that no suppressed count can be worked out by subtraction, every line
/// of every table (the cells that differ in one dimension only, adding up to a cell of the coarser table without that
/// dimension) is settled together: a line whose total is published holds no suppressed cell or at least two, and a line
/// whose total is suppressed holds at least one (secondary). When the only cells left to hide in a line are known from
/// another line on their own, the line's total is hidden instead.
/// </summary>
/// <remarks>
/// Every answer about a week is settled over the same tables (region, network and kind and every coarser grouping;
/// with themes also those tables crossed with theme, settled after and without changing the others), so whatever
/// grouping is asked, the same cells are hidden: answers cannot be laid side by side to undo each other. Themes do not
/// add up (an activity may have several), so a theme line never hides its total; it is protected like the others.
/// </remarks>
public static class Suppression
{
    /// <summary>The groupings every answer is settled over.</summary>
    public const NationalDimension Additive = NationalDimension.Region | NationalDimension.Network | NationalDimension.Kind;

    /// <summary>How many cells the exact check may add one by one before it hides the whole week below its total.</summary>
    private const int MaxRounds = 200;

    private const double Tolerance = 1e-9;

    private static readonly NationalDimension[] _all = [NationalDimension.Region, NationalDimension.Network, NationalDimension.Kind, NationalDimension.Theme];

    /// <summary>The tables an answer grouped by <paramref name="groupBy"/> is settled over.</summary>
    public static NationalDimension LatticeOf(NationalDimension groupBy) => Additive | (groupBy & NationalDimension.Theme);

    /// <summary>Whether a single total (not part of any table) is published: zero, or at least the threshold.</summary>
    public static bool Publishes(long count, int threshold) => count == 0 || count >= threshold;

    /// <summary>The suppressed cells of each table of one week (<paramref name="week"/> holds a grouping and every coarser one).</summary>
    public static Dictionary<NationalDimension, HashSet<CellKey>> Suppress(WeekTables week, int threshold)
    {
        var hidden = week.Tables.ToDictionary(t => t.Key, t => t.Value.Where(c => !Publishes(c.Value, threshold)).Select(c => c.Key).ToHashSet());

        // The order cells are chosen in is fixed (smallest count, then key), so the same data always gives the same answer.
        var lines = week.Tables.ToDictionary(
            t => t.Key,
            t => DimensionsOf(t.Key).ToDictionary(
                d => d,
                d => t.Value.OrderBy(c => c.Value).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)
                    .GroupBy(c => c.Key.Without(d)).ToDictionary(g => g.Key, g => g.Select(c => c.Key).ToArray())));

        Settle(week, hidden, lines, s => !s.HasFlag(NationalDimension.Theme));

        // Lines alone do not see cycles (two rows and two columns that close on each other): solve what the additive
        // tables say, exactly, and hide one more cell beside each count that can still be worked out, until none can.
        for (var round = 0; Recoverable(week, hidden, lines) is { } found; round++)
        {
            var (table, cell) = found;
            var beside = DimensionsOf(table).Where(d => d != NationalDimension.Theme)
                .SelectMany(d => lines[table][d][cell.Without(d)]).Where(k => !hidden[table].Contains(k))
                .OrderBy(k => week.Tables[table][k]).ThenBy(k => k.ToString(), StringComparer.Ordinal).ToArray();
            var added = beside.Length > 0 ? hidden[table].Add(beside[0]) : Array.Exists(DimensionsOf(table).Select(d => hidden[table & ~d].Add(cell.Without(d))).ToArray(), a => a);
            if (!added || round >= MaxRounds)
            {
                // Nothing near it is left to hide: hide every cell of the week below its total.
                foreach (var (t, cells) in week.Tables.Where(t => t.Key != NationalDimension.None && !t.Key.HasFlag(NationalDimension.Theme)))
                {
                    hidden[t].UnionWith(cells.Keys);
                }

                break;
            }

            Settle(week, hidden, lines, s => !s.HasFlag(NationalDimension.Theme));
        }

        Settle(week, hidden, lines, s => s.HasFlag(NationalDimension.Theme));
        return hidden;
    }

    /// <summary>
    /// A hidden cell of the additive tables that their published cells and sums determine, if any (the first in a fixed
    /// order): the equations "total − its line = 0" in reduced row echelon form determine a variable when its row has no
    /// free variable. Rows are sparse (a line holds a few unknowns), so elimination costs what the rows fill in, not
    /// rows × unknowns; the reduced form is unique, so which row pivots does not change the answer.
    /// </summary>
    private static (NationalDimension Table, CellKey Cell)? Recoverable(
        WeekTables week,
        Dictionary<NationalDimension, HashSet<CellKey>> hidden,
        Dictionary<NationalDimension, Dictionary<NationalDimension, Dictionary<CellKey, CellKey[]>>> lines)
    {
        var additive = week.Tables.Keys.Where(t => !t.HasFlag(NationalDimension.Theme)).OrderBy(t => t).ToArray();
        var unknowns = additive.SelectMany(t => hidden[t].OrderBy(k => k.ToString(), StringComparer.Ordinal).Select(k => (t, k))).ToList();
        if (unknowns.Count == 0)
        {
            return null;
        }

        var index = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var rows = new List<Dictionary<int, double>>();
        var columns = Enumerable.Range(0, unknowns.Count).Select(_ => new HashSet<int>()).ToArray();
        foreach (var table in additive)
        {
            foreach (var (d, byTotal) in lines[table])
            {
                foreach (var (total, line) in byTotal)
                {
                    var row = new Dictionary<int, double>();
                    if (index.TryGetValue((table & ~d, total), out var t))
                    {
                        row[t] = 1;
                    }

                    foreach (var k in line)
                    {
                        if (index.TryGetValue((table, k), out var i))
                        {
                            row[i] = row.GetValueOrDefault(i) - 1;
                        }
                    }

                    foreach (var c in row.Where(e => Math.Abs(e.Value) < Tolerance).Select(e => e.Key).ToArray())
                    {
                        row.Remove(c);
                    }

                    if (row.Count > 0)
                    {
                        foreach (var c in row.Keys)
                        {
                            columns[c].Add(rows.Count);
                        }

                        rows.Add(row);
                    }
                }
            }
        }

        // Gauss-Jordan elimination column by column, pivoting on the shortest row to keep the rows sparse; entries are
        // small integers, so a tolerance is enough.
        var pivotRow = new int[unknowns.Count];
        Array.Fill(pivotRow, -1);
        var pivoted = new bool[rows.Count];
        for (var c = 0; c < unknowns.Count; c++)
        {
            var p = -1;
            foreach (var r in columns[c])
            {
                if (!pivoted[r] && (p < 0 || rows[r].Count < rows[p].Count || (rows[r].Count == rows[p].Count && r < p)))
                {
                    p = r;
                }
            }

            if (p < 0)
            {
                continue;
            }

            var pivot = rows[p];
            var value = pivot[c];
            foreach (var k in pivot.Keys.ToArray())
            {
                pivot[k] /= value;
            }

            foreach (var r in columns[c].Where(r => r != p).ToArray())
            {
                var row = rows[r];
                var f = row[c];
                foreach (var (k, v) in pivot)
                {
                    var updated = row.GetValueOrDefault(k) - (f * v);
                    if (Math.Abs(updated) < Tolerance)
                    {
                        row.Remove(k);
                        columns[k].Remove(r);
                    }
                    else
                    {
                        if (!row.ContainsKey(k))
                        {
                            columns[k].Add(r);
                        }

                        row[k] = updated;
                    }
                }
            }

            pivoted[p] = true;
            pivotRow[c] = p;
        }

        for (var c = 0; c < unknowns.Count; c++)
        {
            if (pivotRow[c] >= 0 && rows[pivotRow[c]].Count == 1)
            {
                return unknowns[c];
            }
        }

        return null;
    }

    private static void Settle(
        WeekTables week,
        Dictionary<NationalDimension, HashSet<CellKey>> hidden,
        Dictionary<NationalDimension, Dictionary<NationalDimension, Dictionary<CellKey, CellKey[]>>> lines,
        Func<NationalDimension, bool> settling)
    {
        var tables = week.Tables.Keys.Where(settling).OrderBy(s => s).ToArray();

        // A cell alone in an additive line whose total is published is known from that total: hiding it protects nothing.
        bool Pinned(NationalDimension table, CellKey cell) => DimensionsOf(table).Any(d =>
            d != NationalDimension.Theme && lines[table][d][cell.Without(d)].Length == 1 && !hidden[table & ~d].Contains(cell.Without(d)));

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var table in tables)
            {
                foreach (var (d, byTotal) in lines[table])
                {
                    var coarser = table & ~d;
                    foreach (var (total, line) in byTotal)
                    {
                        var count = line.Count(hidden[table].Contains);
                        var totalHidden = hidden[coarser].Contains(total);
                        if (!((count == 1 && !totalHidden) || (count == 0 && totalHidden)))
                        {
                            continue;
                        }

                        var open = line.Where(k => !hidden[table].Contains(k)).ToArray();
                        var free = open.Where(k => !Pinned(table, k)).ToArray();
                        if (free.Length > 0)
                        {
                            hidden[table].Add(free[0]);
                        }
                        else if (!totalHidden && d != NationalDimension.Theme && settling(coarser))
                        {
                            hidden[coarser].Add(total);
                        }
                        else if (open.Length > 0)
                        {
                            hidden[table].Add(open[0]);
                        }
                        else
                        {
                            continue;
                        }

                        changed = true;
                    }
                }
            }
        }
    }

    private static NationalDimension[] DimensionsOf(NationalDimension subset) => [.. _all.Where(d => subset.HasFlag(d))];
}
