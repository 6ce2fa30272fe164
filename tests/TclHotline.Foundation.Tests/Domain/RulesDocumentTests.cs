using System.Text.RegularExpressions;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

/// <summary>
/// Keeps docs/RULES.md true: it lists every rule of docs/DOMAIN.md, every listed rule has a test named after it
/// (a class or method whose name carries RuleNN_), every such test names a listed rule, and every path the page
/// names exists.
/// </summary>
public sealed partial class RulesDocumentTests
{
    private static readonly string RulesPath = RepositoryFolder.PathOf("docs/RULES.md");

    [Fact]
    public void Rules_md_lists_every_rule_of_domain_md_once()
    {
        var domain = DomainRuleNumbers().Matches(File.ReadAllText(RepositoryFolder.PathOf("docs/DOMAIN.md")))
            .Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var listed = ListedRules().Select(r => r.Number).ToList();

        Assert.NotEmpty(domain);
        Assert.Equal(domain.Distinct().Order(), domain.Order());
        Assert.Equal(listed.Distinct().Order(), listed.Order());
        Assert.Equal(domain.Order(), listed.Order());
    }

    [Fact]
    public void Every_listed_rule_has_a_test_named_after_it()
    {
        var tested = RuleTests().Select(t => t.Rule).ToHashSet();
        var untested = ListedRules().Select(r => r.Number).Where(n => !tested.Contains(n)).ToList();
        Assert.True(untested.Count == 0,
            $"No test named Rule{{NN}}_ for rule(s) {string.Join(", ", untested.Select(n => $"{n:00}"))} listed in docs/RULES.md.");
    }

    [Fact]
    public void Every_rule_test_names_a_listed_rule()
    {
        var listed = ListedRules().Select(r => r.Number).ToHashSet();
        var strays = RuleTests().Where(t => !listed.Contains(t.Rule)).Select(t => $"{t.Name} ({t.File})").Distinct().ToList();
        Assert.True(strays.Count == 0, $"Tests name rules docs/RULES.md does not list: {string.Join("; ", strays)}");
    }

    [Fact]
    public void Every_path_in_rules_md_exists_and_listed_test_files_test_their_rule()
    {
        var problems = new List<string>();
        foreach (var rule in ListedRules())
            foreach (var path in rule.Paths)
            {
                var full = RepositoryFolder.PathOf(path);
                if (!File.Exists(full) && !Directory.Exists(full))
                    problems.Add($"Rule{rule.Number:00}: {path} does not exist");
                else if (path.StartsWith("tests/", StringComparison.Ordinal) && path.EndsWith(".cs", StringComparison.Ordinal)
                         && !RuleTestsIn(File.ReadAllText(full)).Contains(rule.Number))
                    problems.Add($"Rule{rule.Number:00}: {path} holds no Rule{rule.Number:00}_ test");
            }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_scan_finds_rule_numbers_in_class_and_method_names_only()
    {
        const string source = """
            public sealed class Rule20_EscalationTests { }
            public async Task Rule15_Rule16_a_far_night_visit() { }
            public void Plain_test() => Assert.Contains("Rule02 urban", rule);
            """;
        Assert.Equal([20, 15, 16], RuleTestsIn(source));
    }

    private sealed record ListedRule(int Number, IReadOnlyList<string> Paths);

    private sealed record RuleTest(int Rule, string Name, string File);

    private static List<ListedRule> ListedRules()
    {
        var text = File.ReadAllText(RulesPath);
        var headings = RuleHeading().Matches(text);
        Assert.NotEmpty(headings);
        return [.. headings.Select((h, i) =>
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            var section = text[h.Index..end];
            return new ListedRule(int.Parse(h.Groups[1].Value), [.. RepositoryPath().Matches(section).Select(m => m.Groups[1].Value)]);
        })];
    }

    private static List<RuleTest> RuleTests()
    {
        var tests = Directory.EnumerateFiles(RepositoryFolder.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TestNames().Matches(File.ReadAllText(f)).SelectMany(m =>
                RuleNumber().Matches(m.Groups[1].Value).Select(r =>
                    new RuleTest(int.Parse(r.Groups[1].Value), m.Groups[1].Value, Path.GetRelativePath(RepositoryFolder.Root, f)))))
            .ToList();
        Assert.NotEmpty(tests);
        return tests;
    }

    private static List<int> RuleTestsIn(string source) =>
        [.. TestNames().Matches(source).SelectMany(m => RuleNumber().Matches(m.Groups[1].Value).Select(r => int.Parse(r.Groups[1].Value)))];

    // "1. **The branch of use serves.**": the numbered rules of DOMAIN.md.
    [GeneratedRegex(@"^\s*(\d+)\. \*\*", RegexOptions.Multiline)]
    private static partial Regex DomainRuleNumbers();

    [GeneratedRegex(@"^### Rule(\d{2})\b", RegexOptions.Multiline)]
    private static partial Regex RuleHeading();

    [GeneratedRegex(@"`((?:services|tests|contracts|tools|docs)/[^`\s]+)`")]
    private static partial Regex RepositoryPath();

    // A declared class or method name carrying a rule number (strings and comments that mention a rule are not tests).
    [GeneratedRegex(@"\b(?:class|record|void|Task|ValueTask)\s+(\w*Rule\d+_\w*)")]
    private static partial Regex TestNames();

    [GeneratedRegex(@"Rule(\d+)_")]
    private static partial Regex RuleNumber();
}
