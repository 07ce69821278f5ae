namespace RobuMTL.Core;

/// <summary>Where tensors live and kernels run.</summary>
public enum ComputeBackend
{
    /// <summary>The CPU build of libtorch (the default, and the only one served on the project's machines).</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through the CUDA build of libtorch (build with <c>-p:TorchBackend=cuda</c>).</summary>
    Cuda,
}
