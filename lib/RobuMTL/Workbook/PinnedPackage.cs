namespace RobuMTL.Workbook;

/// <summary>A package a notebook runs with, at the version it was checked to have.</summary>
/// <param name="Package">NuGet package id (also its assembly name).</param>
/// <param name="Version">The loaded version, equal to the one pinned in Directory.Packages.props.</param>
public sealed record PinnedPackage(string Package, string Version);
