// Where the repository lives, for the links of what is published: a link in a package's README
// must resolve where the package is installed, so it is absolute, never `../../specs`.

export const REPOSITORY = "https://github.com/phonebridge/phonebridge";

/** A file or folder of the repository, on its main branch. */
export const repositoryUrl = (path: string, kind: "tree" | "blob" = "tree"): string =>
  `${REPOSITORY}/${kind}/main/${path}`;
