using System.Runtime.CompilerServices;

namespace MapLint.Util;

/// <summary>Compares objects by identity (the BCL's ReferenceEqualityComparer is not in .NET Framework, which the MSBuild task runs on).</summary>
internal sealed class ReferenceIdentity : IEqualityComparer<object>
{
    public static readonly ReferenceIdentity Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
