import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * An axe analysis of `page`, set up to cost less: the rules, the included parts and the violations found are the same.
 * NOTE (measured in the e2e run, where CPU is what the run waits on): an analysis cost 4-5 s of CPU. By default
 * @axe-core/playwright finishes every analysis in a new blank page (a new renderer process) and parses axe's 500 kB
 * source there again; legacy mode runs `axe.run` in the page itself, which gives the same results for these
 * same-origin frames. `resultTypes: ['violations']` only skips building selectors for every passing node. A planted
 * button without a name and image without alt were reported the same way (button-name, image-alt) with and without.
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] })
}
