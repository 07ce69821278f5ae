namespace RobuMTL.Core;

/// <summary>The device and versions a process runs with, as shown by the setup notebook.</summary>
/// <param name="Backend">The backend in use after any fallback.</param>
/// <param name="Device">The device new tensors and modules go to.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="TorchSharpVersion">Managed bindings version.</param>
/// <param name="LibTorchVersion">Native libtorch version.</param>
/// <param name="CudaAvailable">Whether libtorch sees a CUDA device.</param>
public sealed record TorchRuntimeInfo(
    ComputeBackend Backend,
    TorchSharp.torch.Device Device,
    int Threads,
    string TorchSharpVersion,
    string LibTorchVersion,
    bool CudaAvailable);
