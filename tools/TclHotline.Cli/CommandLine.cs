namespace TclHotline.Cli;

/// <summary>A usage mistake: exit code 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Arguments as "command positional... --option value --switch": hand-written, so what is accepted is
/// exactly what is read here. Options the command never reads are reported as unknown.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args, IReadOnlySet<string> switchNames)
    {
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                options[name[..equals]] = name[(equals + 1)..];
            else if (switchNames.Contains(name))
                switches.Add(name);
            else if (i + 1 < args.Count)
                options[name] = args[++i];
            else
                throw new UsageException($"--{name} needs a value.");
        }
        Positionals = positionals;
    }

    public IReadOnlyList<string> Positionals { get; }

    public string? Option(string name)
    {
        read.Add(name);
        return options.GetValueOrDefault(name);
    }

    public string Required(string name) => Option(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required.");

    public bool Switch(string name)
    {
        read.Add(name);
        return switches.Contains(name);
    }

    public int? Number(string name)
    {
        var text = Option(name);
        if (text is null)
            return null;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : throw new UsageException($"--{name} must be a whole number, not '{text}'.");
    }

    /// <summary>An enum value written as its name in any case, with or without hyphens: "wall-mount" is WallMount.</summary>
    public T Choice<T>(string name) where T : struct, Enum
    {
        var text = Option(name);
        if (string.IsNullOrEmpty(text))
            return default;
        var key = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<T>(key, ignoreCase: true, out var value) && Enum.IsDefined(value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            return value;
        var allowed = Enum.GetNames<T>().Skip(1).Select(Kebab);
        throw new UsageException($"--{name} must be one of {string.Join(", ", allowed)}; not '{text}'.");
    }

    public string Positional(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw new UsageException($"Missing {what}.");

    /// <summary>Refuses options nobody read: a typo must not be silently ignored.</summary>
    public void EnsureAllRead()
    {
        var unknown = options.Keys.Concat(switches).Where(n => !read.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new UsageException("Unknown option " + string.Join(", ", unknown.Select(n => "--" + n)) + ".");
    }

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
