import { Text } from '@codemirror/state'
import { rawValueText } from '@renderer/components/front-matter/raw-value'

describe('rawValueText', () => {
  it('shows a nested block value without the indentation it has in the file', () => {
    const source = 'menu:\n  main:\n    name: "Nested"\n    weight: 5\nnext: 1\n'
    const doc = Text.of(source.split('\n'))
    const from = source.indexOf('main:')
    const to = source.indexOf('\nnext')
    expect(rawValueText(doc, from, to)).toBe('main:\n  name: "Nested"\n  weight: 5')
  })

  it('keeps an inline value as written', () => {
    const source = 'tags: [a, {b: 1}]\n'
    const doc = Text.of(source.split('\n'))
    expect(rawValueText(doc, 6, 17)).toBe('[a, {b: 1}]')
  })
})
