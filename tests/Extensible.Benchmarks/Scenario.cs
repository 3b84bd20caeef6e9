namespace Extensible.Benchmarks;

/// <summary>
/// One way of writing events. <see cref="CreateWriter"/> gives writer <c>i</c> of <see cref="Writers"/> its own
/// operation, which writes once and returns how many events it wrote.
/// </summary>
internal sealed record Scenario(string Name, int Writers, Func<int, Func<CancellationToken, Task<int>>> CreateWriter);
