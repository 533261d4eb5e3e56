export declare const START: string;
export declare const END: string;
export declare function renderSection(
  adapters: Record<string, { capabilities: unknown; build(changes: object): object }>,
  titles: Record<string, string>,
): string;
export declare function replaceSection(readme: string, section: string): string;
