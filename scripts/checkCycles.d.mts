export declare const SOURCE_DIRS: readonly string[];
export declare function findCycles(root: string, dirs?: readonly string[]): Promise<string[][]>;
export declare function describeCycles(cycles: readonly (readonly string[])[]): string;
