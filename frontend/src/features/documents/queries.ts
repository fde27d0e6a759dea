import { graphql } from "../../gql";

// The documents attached to an object (docs/documents.md): a case, a
// monitoring meeting, a protocol commitment, a meeting or a consent
// record. Each list is its own query, by the object's ID, so that a page
// showing documents does not grow its own query (and its cost) with them.

export const DocumentsItemFragmentDoc = graphql(`
  fragment DocumentsItem on Document {
    id
    kind
    fileName
    mediaType
    size
    createdAt
    removedAt
    removalReason
    erasedAt
    downloadURL
    uploadedBy {
      id
      name
    }
    removedBy {
      id
      name
    }
  }
`);

export const DocumentsPageFragmentDoc = graphql(`
  fragment DocumentsPage on DocumentConnection {
    totalCount
    edges {
      node {
        ...DocumentsItem
      }
    }
  }
`);

// Newest first; $first is 20 until the user asks for them all (the API's
// largest page, 100).
export const DocumentsListQueryDoc = graphql(`
  query DocumentsList($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      id
      ... on Case {
        documents(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
          ...DocumentsPage
        }
      }
      ... on MonitoringMeeting {
        documents(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
          ...DocumentsPage
        }
      }
      ... on ProtocolCommitment {
        documents(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
          ...DocumentsPage
        }
      }
      ... on Meeting {
        documents(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
          ...DocumentsPage
        }
      }
      ... on Consent {
        documents(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
          ...DocumentsPage
        }
      }
    }
  }
`);

// Sent as a GraphQL multipart request (src/api/upload.ts), not by urql:
// fetch cannot tell the upload's progress.
export const DocumentsAttachMutationDoc = graphql(`
  mutation DocumentsAttach($input: AttachDocumentInput!) {
    attachDocument(input: $input) {
      ...DocumentsItem
    }
  }
`);

export const DocumentsRemoveMutationDoc = graphql(`
  mutation DocumentsRemove($id: ID!, $reason: String!) {
    removeDocument(id: $id, reason: $reason) {
      ...DocumentsItem
    }
  }
`);
