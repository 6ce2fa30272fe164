namespace TclHotline.Deployment.Tests;

/// <summary>One scalar of a YAML document: its path of keys ("[]" for a list item) and its value.</summary>
public sealed record YamlEntry(string Path, string Value)
{
    public bool Under(string prefix) => Path.StartsWith(prefix + ".", StringComparison.Ordinal);

    /// <summary>The last key of the path.</summary>
    public string Key => Path[(Path.LastIndexOf('.') + 1)..];
}

/// <summary>
/// Flattens the block-style YAML our deployment files use (maps, lists, folded long scalars; no flow collections
/// beyond inline [a, b], no anchors) into paths, so tests can check keys without a YAML package.
/// </summary>
public static class YamlPaths
{
    public static IReadOnlyList<IReadOnlyList<YamlEntry>> Documents(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.Replace("\r\n", "\n"), @"^---\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(Flatten)
            .Where(d => d.Count > 0)
            .ToList();

    public static IReadOnlyList<YamlEntry> Flatten(string text)
    {
        var entries = new List<YamlEntry>();
        var stack = new List<(int Indent, string Segment)>();
        var lastIndent = -1;
        var previousHadValue = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0) continue;
            var indent = line.Length - line.TrimStart().Length;
            var content = line.Trim();

            // A long scalar folded onto the next line (as docker-compose config prints them).
            if (previousHadValue && indent > lastIndent && !content.StartsWith("- ", StringComparison.Ordinal) && !IsKeyed(content))
            {
                entries[^1] = entries[^1] with { Value = entries[^1].Value + " " + content };
                continue;
            }

            while (content.StartsWith("- ", StringComparison.Ordinal) || content == "-")
            {
                // A list may sit at its key's own indent ("ports:\n- 80"), as docker-compose config prints it.
                while (stack.Count > 0 && (stack[^1].Indent > indent || stack[^1].Indent == indent && stack[^1].Segment == "[]"))
                    stack.RemoveAt(stack.Count - 1);
                stack.Add((indent, "[]"));
                content = content.Length > 1 ? content[2..].TrimStart() : "";
                indent += 2;
                if (content.Length == 0) break;
                if (!IsKeyed(content))
                {
                    entries.Add(new YamlEntry(Join(stack), Unquote(content)));
                    previousHadValue = true;
                    content = "";
                }
            }
            if (content.Length == 0) { lastIndent = indent; continue; }
            previousHadValue = false;

            Pop(stack, indent);
            var colon = KeyEnd(content);
            var key = Unquote(content[..colon].Trim());
            var value = content[(colon + 1)..].Trim();
            stack.Add((indent, key));
            if (value.Length > 0) entries.Add(new YamlEntry(Join(stack), Unquote(value)));
            previousHadValue = value.Length > 0;
            lastIndent = indent;
        }
        return entries;
    }

    private static bool IsKeyed(string content) => System.Text.RegularExpressions.Regex.IsMatch(content, @"^(""[^""]*""|'[^']*'|[^\s""'{\[][^:]*?):(\s|$)");

    private static int KeyEnd(string content)
    {
        if (content[0] is '"' or '\'') return content.IndexOf(':', content.IndexOf(content[0], 1));
        var i = content.IndexOf(": ", StringComparison.Ordinal);
        return i >= 0 ? i : content.Length - 1;
    }

    private static void Pop(List<(int Indent, string Segment)> stack, int indent)
    {
        while (stack.Count > 0 && stack[^1].Indent >= indent) stack.RemoveAt(stack.Count - 1);
    }

    private static string Join(List<(int Indent, string Segment)> stack) => string.Join('.', stack.Select(s => s.Segment));

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or ':' or '-' or '[')) quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] == ' ')) return line[..i];
        }
        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
}
