using OurSociety.Federation.National;

namespace OurSociety.Federation.Grains.Tests.National;

/// <summary>
/// What an outsider can work out from a set of published tables of one week: every line of a table adds up to a cell
/// of the coarser table without that dimension (region, network and kind add up; themes do not, so they are left out).
/// A suppressed count is recoverable if the published counts and those sums determine it (linear algebra, exactly).
/// </summary>
public static class SuppressionAudit
{
    /// <param name="tables">For each grouping (a subset of region, network, kind), its cells: value and whether suppressed. Absent cells are zero.</param>
    public static IReadOnlyList<(NationalDimension Table, CellKey Cell)> Recoverable(Dictionary<NationalDimension, Dictionary<CellKey, (long Value, bool Suppressed)>> tables)
    {
        var unknowns = tables.SelectMany(t => t.Value.Where(c => c.Value.Suppressed).Select(c => (t.Key, c.Key))).ToList();
        var index = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var rows = new List<double[]>();
        foreach (var (subset, cells) in tables)
        {
            foreach (var d in new[] { NationalDimension.Region, NationalDimension.Network, NationalDimension.Kind }.Where(d => subset.HasFlag(d)))
            {
                var coarser = tables[subset & ~d];
                foreach (var line in cells.GroupBy(c => c.Key.Without(d)))
                {
                    // total − Σ cells = 0, known parts moved to the right-hand side (not needed for determinacy).
                    var row = new double[unknowns.Count];
                    if (index.TryGetValue((subset & ~d, line.Key), out var t))
                    {
                        row[t] += 1;
                    }

                    foreach (var cell in line.Where(c => c.Value.Suppressed))
                    {
                        row[index[(subset, cell.Key)]] -= 1;
                    }

                    if (row.Any(v => v != 0))
                    {
                        rows.Add(row);
                    }
                }
            }
        }

        var rank = Rank(rows, unknowns.Count);
        return [.. unknowns.Where((u, i) =>
        {
            var unit = new double[unknowns.Count];
            unit[i] = 1;
            return Rank([.. rows, unit], unknowns.Count) == rank;
        })];
    }

    private static int Rank(List<double[]> rows, int columns)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToArray();
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Length; c++)
        {
            var pivot = Enumerable.Range(rank, m.Length - rank).Where(r => Math.Abs(m[r][c]) > 1e-9).DefaultIfEmpty(-1).First();
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Length; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-9)
                {
                    var f = m[r][c] / m[rank][c];
                    for (var k = c; k < columns; k++)
                    {
                        m[r][k] -= f * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
