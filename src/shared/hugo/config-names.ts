// A leaf module: what looks for a config without parsing one (the one-off search's listing) imports only this.

/** Config file names Hugo 0.111 looks for at a site's root, in its order. */
export const hugoConfigNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'] as const
