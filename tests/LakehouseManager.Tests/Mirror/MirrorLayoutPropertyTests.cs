using System.Text;
using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorLayoutPropertyTests
{
    private const int Trials = 100;
    private const int KeysPerTrial = 50;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 2).Select(i => i * Trials)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_assigned_path_decodes_back_to_its_key(int firstSeed)
    {
        ForEachTrial(firstSeed, (keys, paths, describe) =>
        {
            foreach (var key in keys)
            {
                Assert.True(MirrorLayout.Decode(paths[key]) == key, describe($"'{paths[key]}' does not decode to {key}"));
            }
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assigned_paths_and_folders_stay_distinct_on_case_insensitive_file_systems(int firstSeed)
    {
        ForEachTrial(firstSeed, (keys, paths, describe) =>
        {
            // One entry per case-insensitive path: a file or a folder. Two different exact paths meeting there would
            // be two files merged, two namespaces merged, or a file and a folder in each other's way.
            foreach (var comparer in new IEqualityComparer<string>[] { StringComparer.OrdinalIgnoreCase, FoldComparer.Upper, FoldComparer.Lower })
            {
                var seen = new Dictionary<string, string>(comparer);
                foreach (var path in paths.Values)
                {
                    // Every folder prefix ("a/", "a/b/") and the file path itself.
                    var prefixes = path.Select((c, i) => (c, i)).Where(p => p.c == '/').Select(p => path[..(p.i + 1)]).Append(path);
                    foreach (var prefix in prefixes)
                    {
                        if (seen.TryGetValue(prefix, out var existing))
                        {
                            Assert.True(existing == prefix, describe($"'{existing}' and '{prefix}' collide ignoring case"));
                        }
                        else
                        {
                            seen.Add(prefix, prefix);
                        }
                    }
                }
            }
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_path_component_is_a_safe_name_on_every_platform_and_stays_inside_the_mirror(int firstSeed)
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "mirror-root"));
        ForEachTrial(firstSeed, (keys, paths, describe) =>
        {
            foreach (var path in paths.Values)
            {
                foreach (var name in path.Split('/'))
                {
                    var problem = SafeFileNames.Check(name);
                    Assert.True(problem is null, describe($"component '{name}' of '{path}' {problem}"));
                }

                var full = Path.GetFullPath(Path.Combine(root, path));
                Assert.True(full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal), describe($"'{path}' leaves the root"));
            }
        });
    }

    [Fact]
    public void Any_element_with_control_characters_too_is_escaped_reversibly_into_safe_names()
    {
        var random = new RandomKeys(seed: 7);
        for (var i = 0; i < 2000; i++)
        {
            var element = random.NextRawElement();
            var components = new List<MirrorComponent>();

            MirrorEncoder.EncodeElement(element, MirrorComponentKind.File, components);

            var decoded = string.Concat(components.Select(c => MirrorEscaping.Unescape(c.Text)));
            Assert.Equal(element, decoded);
            Assert.All(components, c => Assert.Null(SafeFileNames.Check(c.ToName())));
        }
    }

    private static void ForEachTrial(int firstSeed, Action<List<ContentKey>, IReadOnlyDictionary<ContentKey, string>, Func<string, string>> check)
    {
        for (var seed = firstSeed; seed < firstSeed + Trials; seed++)
        {
            var keys = new RandomKeys(seed).NextSet(KeysPerTrial);
            var paths = MirrorLayout.Assign(keys);
            Assert.Equal(keys.Count, paths.Count);
            var trialSeed = seed;
            check(keys, paths, message => $"seed {trialSeed}: {message}");
        }
    }

    /// <summary>Case-insensitive comparison by uppercasing or lowercasing every rune (astral ones included).</summary>
    private sealed class FoldComparer(bool upper) : IEqualityComparer<string>
    {
        public static FoldComparer Upper { get; } = new(upper: true);

        public static FoldComparer Lower { get; } = new(upper: false);

        public bool Equals(string? x, string? y) => string.Equals(Fold(x), Fold(y), StringComparison.Ordinal);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Fold(obj)!);

        private string? Fold(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                builder.Append((upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune)).ToString());
            }

            return builder.ToString();
        }
    }
}
