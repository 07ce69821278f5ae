// Makes TorchSharp's native bridge load on Linux systems whose libstdc++ is older than the one it was
// linked against, when (and only when) the newer symbol versions it declares are never bound.
//
// TorchSharp 0.107.0's libLibTorchSharp.so was built with GCC 13. GCC 13 emits a reference to the
// marker `std::ios_base_library_init()` (versioned GLIBCXX_3.4.32) into every object that includes
// <iostream>. Nothing calls it and no relocation uses it, but the ELF version-need entry alone makes
// the dynamic loader refuse the library on systems with GLIBCXX_3.4.30 (Debian 12, Ubuntu 22.04).
// Setting VER_FLG_WEAK on that one version-need entry turns the hard requirement into a weak one,
// which the loader accepts. This file is compiled twice: as an MSBuild inline task (build time, on
// the copy in the build output, never on the NuGet cache) and into the tests (which check that a
// future TorchSharp does not need anything more than this).
//
// Format reference: the System V gABI ELF-64 layout and the GNU symbol-versioning extension
// (sections SHT_GNU_verneed, SHT_GNU_verdef, SHT_GNU_versym).
#nullable enable

namespace RobuMTL.Build
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Linq;
    using System.Text;

    /// <summary>One version that a shared library needs from one of its dependencies.</summary>
    public sealed class ElfVersionNeed
    {
        /// <summary>Creates a version-need record.</summary>
        public ElfVersionNeed(string file, string version, int index, bool weak, int flagsOffset)
        {
            File = file;
            Version = version;
            Index = index;
            Weak = weak;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The dependency's soname, for example <c>libstdc++.so.6</c>.</summary>
        public string File { get; }

        /// <summary>The version name, for example <c>GLIBCXX_3.4.32</c>.</summary>
        public string Version { get; }

        /// <summary>The version index that .gnu.version entries use to bind symbols to this need.</summary>
        public int Index { get; }

        /// <summary>Whether the entry already carries VER_FLG_WEAK.</summary>
        public bool Weak { get; }

        /// <summary>File offset of the entry's 16-bit flags field.</summary>
        public int FlagsOffset { get; }
    }

    /// <summary>Reads and edits the GNU symbol-versioning tables of a little-endian ELF-64 file.</summary>
    public static class ElfSymbolVersions
    {
        private const uint ShtRela = 4;
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>Every version need of the file, in table order.</summary>
        public static IReadOnlyList<ElfVersionNeed> ReadNeeds(byte[] elf)
        {
            var needs = new List<ElfVersionNeed>();
            foreach (var section in Sections(elf).Where(s => s.Type == ShtGnuVerneed))
            {
                var strings = Sections(elf)[(int)section.Link];
                var entry = (int)section.Offset;
                for (var i = 0; i < section.Info; i++)
                {
                    var count = U16(elf, entry + 2);
                    var file = CString(elf, (int)strings.Offset + (int)U32(elf, entry + 4));
                    var aux = entry + (int)U32(elf, entry + 8);
                    for (var j = 0; j < count; j++)
                    {
                        var flags = U16(elf, aux + 4);
                        var index = U16(elf, aux + 6) & 0x7fff;
                        var name = CString(elf, (int)strings.Offset + (int)U32(elf, aux + 8));
                        needs.Add(new ElfVersionNeed(file, name, index, (flags & VerFlagWeak) != 0, aux + 4));
                        aux += (int)U32(elf, aux + 12);
                    }

                    entry += (int)U32(elf, entry + 12);
                }
            }

            return needs;
        }

        /// <summary>The version names a shared library defines (for libstdc++: GLIBCXX_3.4, ...).</summary>
        public static ISet<string> ReadDefinitions(byte[] elf)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in Sections(elf).Where(s => s.Type == ShtGnuVerdef))
            {
                var strings = Sections(elf)[(int)section.Link];
                var entry = (int)section.Offset;
                for (var i = 0; i < section.Info; i++)
                {
                    var aux = entry + (int)U32(elf, entry + 12);
                    names.Add(CString(elf, (int)strings.Offset + (int)U32(elf, aux)));
                    entry += (int)U32(elf, entry + 16);
                }
            }

            return names;
        }

        /// <summary>Names of the dynamic symbols bound to a version index.</summary>
        public static IReadOnlyList<string> SymbolsBoundTo(byte[] elf, int versionIndex)
        {
            return DynamicSymbolIndicesBoundTo(elf, versionIndex).Select(i => DynamicSymbolName(elf, i)).ToList();
        }

        /// <summary>Whether any relocation refers to a symbol bound to the version index.</summary>
        public static bool AnyRelocationUses(byte[] elf, int versionIndex)
        {
            var bound = new HashSet<long>(DynamicSymbolIndicesBoundTo(elf, versionIndex));
            foreach (var section in Sections(elf).Where(s => s.Type == ShtRela))
            {
                for (long at = section.Offset; at + 24 <= section.Offset + section.Size; at += 24)
                {
                    var info = U64(elf, (int)at + 8);
                    if (bound.Contains((long)(info >> 32)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Sets VER_FLG_WEAK on one version need, in place.</summary>
        public static void MarkWeak(byte[] elf, ElfVersionNeed need)
        {
            var flags = (ushort)(U16(elf, need.FlagsOffset) | VerFlagWeak);
            elf[need.FlagsOffset] = (byte)(flags & 0xff);
            elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
        }

        private static IEnumerable<long> DynamicSymbolIndicesBoundTo(byte[] elf, int versionIndex)
        {
            var versym = Sections(elf).FirstOrDefault(s => s.Type == ShtGnuVersym);
            if (versym == null)
            {
                yield break;
            }

            for (long i = 0; i < versym.Size / 2; i++)
            {
                if ((U16(elf, (int)(versym.Offset + (2 * i))) & 0x7fff) == versionIndex)
                {
                    yield return i;
                }
            }
        }

        private static string DynamicSymbolName(byte[] elf, long index)
        {
            var dynsym = Sections(elf).First(s => s.Type == ShtDynsym);
            var strings = Sections(elf)[(int)dynsym.Link];
            var nameOffset = U32(elf, (int)(dynsym.Offset + (index * 24)));
            return CString(elf, (int)(strings.Offset + nameOffset));
        }

        private static List<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException("only little-endian ELF-64 files are supported");
            }

            var tableOffset = (long)U64(elf, 0x28);
            var entrySize = U16(elf, 0x3a);
            var count = U16(elf, 0x3c);
            var sections = new List<Section>(count);
            for (var i = 0; i < count; i++)
            {
                var at = (int)(tableOffset + (i * entrySize));
                sections.Add(new Section(
                    U32(elf, at + 4), (long)U64(elf, at + 24), (long)U64(elf, at + 32), U32(elf, at + 40),
                    U32(elf, at + 44)));
            }

            return sections;
        }

        private static ushort U16(byte[] b, int at) => BitConverter.ToUInt16(b, at);

        private static uint U32(byte[] b, int at) => BitConverter.ToUInt32(b, at);

        private static ulong U64(byte[] b, int at) => BitConverter.ToUInt64(b, at);

        private static string CString(byte[] b, int at)
        {
            var end = Array.IndexOf(b, (byte)0, at);
            return Encoding.ASCII.GetString(b, at, end - at);
        }

        private sealed class Section
        {
            public Section(uint type, long offset, long size, uint link, uint info)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
            }

            public uint Type { get; }

            public long Offset { get; }

            public long Size { get; }

            public uint Link { get; }

            public uint Info { get; }
        }
    }

    /// <summary>What the compatibility step found for one library, and what it would change.</summary>
    public sealed class GlibcxxCompatPlan
    {
        /// <summary>The version needs from libstdc++ that the system library does not define.</summary>
        public List<ElfVersionNeed> Missing { get; } = new List<ElfVersionNeed>();

        /// <summary>Problems that make the library unusable here even after the weak marking.</summary>
        public List<string> Blockers { get; } = new List<string>();

        /// <summary>
        /// Compares a library's libstdc++ version needs with what the system library defines. A missing
        /// version is safe to mark weak only if every symbol bound to it is in the allow-list and no
        /// relocation refers to it.
        /// </summary>
        public static GlibcxxCompatPlan Create(byte[] library, ISet<string> systemVersions, ISet<string> allowedSymbols)
        {
            var plan = new GlibcxxCompatPlan();
            foreach (var need in ElfSymbolVersions.ReadNeeds(library))
            {
                var isLibstdcxx = need.File.StartsWith("libstdc++", StringComparison.Ordinal);
                if (!isLibstdcxx || systemVersions.Contains(need.Version))
                {
                    continue;
                }

                plan.Missing.Add(need);
                var symbols = ElfSymbolVersions.SymbolsBoundTo(library, need.Index);
                var unexpected = symbols.Where(s => !allowedSymbols.Contains(s)).ToList();
                if (unexpected.Count > 0)
                {
                    plan.Blockers.Add(need.Version + " is needed by " + string.Join(", ", unexpected));
                }

                if (ElfSymbolVersions.AnyRelocationUses(library, need.Index))
                {
                    plan.Blockers.Add("a relocation uses a symbol versioned " + need.Version);
                }
            }

            return plan;
        }

        /// <summary>The system's libstdc++.so.6, or null when none is found in the usual places.</summary>
        public static string? FindSystemLibstdcxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            };
            return candidates.FirstOrDefault(System.IO.File.Exists);
        }
    }
}

#if !ROBUMTL_TESTS
namespace RobuMTL.Build
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Linq;
    using Microsoft.Build.Framework;
    using Microsoft.Build.Utilities;

    /// <summary>MSBuild task: marks unneeded, missing libstdc++ version needs weak in a build-output copy.</summary>
    public sealed class MarkUnusedGlibcxxNeedsWeak : Task
    {
        /// <summary>The library in the build output (never a NuGet cache path).</summary>
        [Required]
        public string LibraryPath { get; set; } = "";

        /// <summary>Semicolon-separated symbols that may be bound to a missing version.</summary>
        public string AllowedSymbols { get; set; } = "_ZSt21ios_base_library_initv";

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!File.Exists(LibraryPath))
            {
                return true;
            }

            var systemLibrary = GlibcxxCompatPlan.FindSystemLibstdcxx();
            if (systemLibrary == null)
            {
                Log.LogMessage(
                    MessageImportance.High, "libstdc++ compatibility: no system libstdc++.so.6 found; left as is.");
                return true;
            }

            var bytes = File.ReadAllBytes(LibraryPath);
            var allowed = new HashSet<string>(
                AllowedSymbols.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries));
            var systemVersions = ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(systemLibrary));
            var plan = GlibcxxCompatPlan.Create(bytes, systemVersions, allowed);
            if (plan.Missing.Count == 0)
            {
                return true;
            }

            if (plan.Blockers.Count > 0)
            {
                Log.LogError(
                    "{0} needs libstdc++ versions that {1} does not provide, and not only for unused markers: {2}. " +
                    "Install a newer libstdc++ (GCC 13 or later) or pin an older TorchSharp; see environment.md.",
                    LibraryPath, systemLibrary, string.Join("; ", plan.Blockers));
                return false;
            }

            var toMark = plan.Missing.Where(n => !n.Weak).ToList();
            if (toMark.Count == 0)
            {
                return true;
            }

            foreach (var need in toMark)
            {
                ElfSymbolVersions.MarkWeak(bytes, need);
            }

            // Replace the file rather than write through it, so a hard link to the NuGet cache stays untouched.
            var temporary = LibraryPath + ".weak-tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Delete(LibraryPath);
            File.Move(temporary, LibraryPath);
            Log.LogMessage(
                MessageImportance.High,
                "libstdc++ compatibility: marked {0} weak in {1} "
                    + "(system library {2} lacks it; only unused markers need it).",
                string.Join(", ", toMark.Select(n => n.Version)), LibraryPath, systemLibrary);
            return true;
        }
    }
}
#endif
