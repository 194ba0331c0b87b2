import { NotFoundView } from "@/components/ui/not-found-view";

/** An unknown entity or province (notFound() in its page). */
export default function NotFound() {
  return <NotFoundView />;
}
