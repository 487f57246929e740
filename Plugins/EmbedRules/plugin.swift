import Foundation
import PackagePlugin

/// Embeds the package's `Rules/*.yaml` into the `ZHClaims` library as Swift string literals, so
/// the built-in rules ship inside the binary and an installed `zhclaims` needs no source tree.
/// Rules stay data: the generated file is rebuilt whenever a rule file changes.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "Rules")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: rulesDir.path(percentEncoded: false))) ?? []
        let inputs = files.filter { $0.hasSuffix(".yaml") }.sorted().map { rulesDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRules.generated.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) rule files",
            executable: try context.tool(named: "EmbedRulesTool").url,
            arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
