/** Every folder the CLI's code comes from (and the toolkit's themes). */
export declare const codeFolders: string[]
/** A short hash that changes whenever guidepress's code or installed packages change (see code-stamp.js). */
export declare function codeStamp(toolkit: string): string
