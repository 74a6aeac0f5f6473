/**
 * The prop that gives a construct's locations, as its messages name it: `locations`, or `location` for
 * `DevTest`, which takes one code and passes it on as `locations`. Kept beside the props object (not
 * in it: the props are public API), so that the construct that checks them names what the user wrote.
 */
const LOCATION_PROPS = new WeakMap<object, string>();

/** The props, recorded as giving their locations in `prop`. */
export function withLocationProp<T extends object>(props: T, prop: string): T {
  LOCATION_PROPS.set(props, prop);
  return props;
}

/** The prop that gives the locations of these props: `locations` unless recorded otherwise. */
export function locationPropOf(props: object): string {
  return LOCATION_PROPS.get(props) ?? "locations";
}
