using Extensible.Host;

await using var app = await ExtensibleApp.BuildAsync(args);
await app.RunAsync();
