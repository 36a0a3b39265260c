export declare function installReason(lockPath?: string, installedPath?: string): string | null;
