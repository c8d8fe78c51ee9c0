export { mergeThreeWay, type MergeOutcome } from './three-way-merge'
