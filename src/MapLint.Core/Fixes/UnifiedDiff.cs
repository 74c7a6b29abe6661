using System.Globalization;
using System.Text;

namespace MapLint.Fixes;

/// <summary>A unified diff (as <c>diff -u</c> and <c>git apply</c> read it) of two texts, by lines, with three lines of context.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var script = Diff(a, b);
        if (script.All(op => op.Kind == ' '))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        int i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: changes closer than twice the context join one hunk.
            int start = Math.Max(0, i - Context);
            int end = i;
            int lastChange = i;
            while (end < script.Count && (script[end].Kind != ' ' || end - lastChange <= 2 * Context))
            {
                if (script[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(script.Count, lastChange + Context + 1);
            var hunk = script.GetRange(start, end - start);
            int oldStart = hunk[0].OldLine, newStart = hunk[0].NewLine;
            int oldCount = hunk.Count(op => op.Kind != '+'), newCount = hunk.Count(op => op.Kind != '-');
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            foreach (var op in hunk)
            {
                string line = op.Kind == '+' ? b[op.NewLine] : a[op.OldLine];
                output.Append(op.Kind).Append(line.TrimEnd('\n'));
                output.Append('\n');
                if (!line.EndsWith("\n", StringComparison.Ordinal))
                {
                    output.Append("\\ No newline at end of file\n");
                }
            }

            i = end;
        }

        return output.ToString();
    }

    private static string Range(int start, int count) =>
        count == 0 ? start.ToString(CultureInfo.InvariantCulture) + ",0"
        : (start + 1).ToString(CultureInfo.InvariantCulture) + (count == 1 ? string.Empty : "," + count.ToString(CultureInfo.InvariantCulture));

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text.Substring(start, end - start));
            start = end;
        }

        return lines;
    }

    private readonly record struct Op(char Kind, int OldLine, int NewLine);

    /// <summary>Myers' O(ND) shortest edit script over lines; fixes change few lines, so D is small.</summary>
    private static List<Op> Diff(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        for (int d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, d, n, m, max);
                }
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static List<Op> Backtrack(List<int[]> trace, int depth, int n, int m, int max)
    {
        var ops = new List<Op>();
        int x = n, y = m;
        for (int d = depth; d > 0; d--)
        {
            var v = trace[d];
            int k = x - y;
            int previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            int previousX = v[max + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                ops.Add(new Op(' ', --x, --y));
            }

            ops.Add(x == previousX ? new Op('+', x, --y) : new Op('-', --x, y));
        }

        while (x > 0 && y > 0)
        {
            ops.Add(new Op(' ', --x, --y));
        }

        ops.Reverse();
        return ops;
    }
}
