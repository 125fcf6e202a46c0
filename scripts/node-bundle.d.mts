import type { BuildOptions } from "esbuild";

export declare function nodeBundleOptions(outdir: string): BuildOptions;
