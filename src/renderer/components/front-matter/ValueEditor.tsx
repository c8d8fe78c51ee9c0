import type { ReactElement } from 'react'
import { BooleanField } from './BooleanField'
import { ChipsField } from './ChipsField'
import { DateField } from './DateField'
import type { WidgetProps } from './field-props'
import { MultiSelectField } from './MultiSelectField'
import { NumberField } from './NumberField'
import { ObjectGroup } from './ObjectGroup'
import { ObjectList } from './ObjectList'
import { RawField } from './RawField'
import { SelectField } from './SelectField'
import { TextField } from './TextField'

/** The widget named by `props.widget`. */
export function ValueEditor(props: WidgetProps): ReactElement {
  switch (props.widget) {
    case 'number':
      return <NumberField {...props} />
    case 'boolean':
      return <BooleanField {...props} />
    case 'date':
    case 'datetime':
      return <DateField {...props} />
    case 'tags':
      return <ChipsField {...props} />
    case 'select':
      return <SelectField {...props} />
    case 'multi-select':
      return <MultiSelectField {...props} />
    case 'object':
      return <ObjectGroup {...props} />
    case 'objects':
      return <ObjectList {...props} />
    case 'raw':
      return <RawField {...props} />
    default:
      return <TextField {...props} />
  }
}
